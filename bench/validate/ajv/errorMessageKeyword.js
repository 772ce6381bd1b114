// ajv-cli custom keyword module (-c): our schema annotates messages with `errorMessage`,
// which runpath's own ajv also registers as an annotation-only keyword. Without it ajv's
// strict mode refuses the schema, and --strict=false would weaken the comparison.
module.exports = (ajv) => ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
