// PLACEHOLDER: filled by the feature's issue.
export function DraftSection() {
  return null;
}
