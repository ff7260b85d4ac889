// PLACEHOLDER: filled by the feature's issue.
export function DataSection() {
  return null;
}
