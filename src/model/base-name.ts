/** A file's name without its folders, as citations name corpus files (either slash). */
export const baseName = (file: string): string => file.replace(/^.*[\\/]/, "");
