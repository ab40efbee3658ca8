// ESM resolve hook for register.mjs.
let fake;
export function initialize(data) {
  fake = data.fake;
}
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true };
  return next(specifier, context);
}
