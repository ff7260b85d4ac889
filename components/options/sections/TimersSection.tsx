// PLACEHOLDER: filled by the feature's issue.
export function TimersSection() {
  return null;
}
