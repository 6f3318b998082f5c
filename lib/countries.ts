// ISO 3166-1 alpha-2 countries with English names, from the runtime's own region data.
const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
// Codes Intl names that are not countries (unions, pseudo-regions).
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"]);

export const COUNTRIES: { code: string; name: string }[] = (() => {
  const list: { code: string; name: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = names.of(code);
      if (name) list.push({ code, name });
    }
  }
  return list.sort((x, y) => x.name.localeCompare(y.name));
})();
