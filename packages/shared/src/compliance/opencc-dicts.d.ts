/**
 * opencc-js publishes its dictionaries as modules (`opencc-js/dict/<Name>`) whose default export is the
 * OpenCC text form, "source target[ target…]|…", but ships types only for its converters.
 */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
