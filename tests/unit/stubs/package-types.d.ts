// The real package (a dependency of WXT's shadow-root UI), compared with our stub; it ships no types.
declare module 'is-potential-custom-element-name' {
  export default function isPotentialCustomElementName(name: string): boolean;
}
