import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/groupCommit.js';

describe('GroupCommit', () => {
  it('flushes items added in one tick together, and items added during a flush in the next one', async () => {
    const flushed: number[][] = [];
    let release = (): void => undefined;
    const commit = new GroupCommit<number>(async (items) => {
      flushed.push(items);
      if (flushed.length === 1) await new Promise<void>((r) => (release = r));
    });
    const first = [commit.add(1), commit.add(2), commit.add(3)];
    await Promise.resolve();
    await Promise.resolve();
    expect(flushed).toEqual([[1, 2, 3]]);
    const second = [commit.add(4), commit.add(5)];
    expect(flushed).toHaveLength(1);
    release();
    await Promise.all([...first, ...second]);
    expect(flushed).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('never runs two flushes at once', async () => {
    let running = 0;
    let most = 0;
    const commit = new GroupCommit<number>(async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
    });
    const all: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      all.push(commit.add(i));
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(all);
    expect(most).toBe(1);
  });

  it('rejects the items of a failed flush only, and says when it is idle', async () => {
    let calls = 0;
    const commit = new GroupCommit<string>((items) => (++calls === 1 ? Promise.reject(new Error(`lost ${items.join()}`)) : Promise.resolve()));
    const failed = commit.add('a');
    await expect(failed).rejects.toThrow('lost a');
    await expect(commit.add('b')).resolves.toBeUndefined();
    const pending = commit.add('c');
    let idle = false;
    const idlePromise = commit.idle().then(() => (idle = true));
    expect(idle).toBe(false);
    await pending;
    await idlePromise;
    expect(idle).toBe(true);
    await expect(commit.idle()).resolves.toBeUndefined();
  });
});
