/** A regular expression written as data, `/source/flags` (case files, language data), as a RegExp. */
export function toRegExp(written: string): RegExp {
  const end = written.lastIndexOf("/");
  return new RegExp(written.slice(1, end), written.slice(end + 1));
}
