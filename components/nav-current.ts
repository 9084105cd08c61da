/**
 * The href of the header link for the current page: the page itself, or the section it is in
 * (/cases/x is in the Library). When one link's section holds another's (/teach and /teach/cases),
 * the closer one is current, so only one link is marked.
 */
export function currentHref(pathname: string, hrefs: string[]): string | null {
  const matching = hrefs.filter((href) => pathname === href || pathname.startsWith(`${href}/`));
  return matching.sort((a, b) => b.length - a.length)[0] ?? null;
}
