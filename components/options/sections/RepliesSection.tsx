// PLACEHOLDER: filled by the feature's issue.
export function RepliesSection() {
  return null;
}
