import { MemoryEventStore } from '../../src/store/memoryEventStore.js';
import { eventStoreContract } from './eventStoreContract.js';

eventStoreContract('MemoryEventStore', {
  open: (clock) => Promise.resolve(new MemoryEventStore(clock)),
});
