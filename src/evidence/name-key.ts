/**
 * A name as its transliterations share it: "Petrovskyy" and "Petrovsky", "Grigoriyev" and
 * "Grigoriev", "Yury" and "Yuri" have one key: a doubled or glide y folded into i. The case is
 * kept: a capitalised surname is a name, the same word in lower case ("the representative") is not.
 */
export function nameKey(name: string): string {
  return name
    .replace(/[’']/g, "")
    .replace(/yy/g, "y")
    .replace(/iy|yi|ij/g, "i")
    .replace(/y\b/g, "i");
}

/**
 * Two full names of one person as transliterations write it: the same name by its key ("Yury
 * Petrov", "Yuri Petrov"), or the same initial and a surname spelled two ways ("Oleh
 * Petrovskyy", "O. Petrovsky"). "Anna Vella" and "Alan Vella" stay two people.
 */
export function samePerson(a: string, b: string): boolean {
  if (nameKey(a) === nameKey(b)) return true;
  const [la, lb] = [a.split(" ").at(-1)!, b.split(" ").at(-1)!];
  return a[0] === b[0] && la !== lb && nameKey(la) === nameKey(lb);
}
