// Stand-in for `wxt/utils/storage` in the timers benchmark page (a plain web page has no extension storage).
export const storage = {
  defineItem: (_key, options) => ({
    getValue: async () => options?.fallback,
    setValue: async () => undefined,
    watch: () => () => undefined,
  }),
};
