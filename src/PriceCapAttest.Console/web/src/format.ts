/** USD per barrel with 2 to 4 decimals, or "—" where none applies. */
export function usd(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `$${value.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;
}

/** A UTC time as yyyy-MM-dd HH:mm UTC. */
export function when(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Role names as a sentence: "insurers and operators". */
export function rolesInWords(roles: readonly string[]): string {
  const words = roles.map((r) => `${r.toLowerCase()}s`);
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
