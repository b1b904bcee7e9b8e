/** A name's possessive in English: "Malta's", but "United States'". */
export const possessive = (name: string): string => (/s$/.test(name) ? `${name}'` : `${name}'s`);
