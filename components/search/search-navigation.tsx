"use client";

// Every change of the search (filters, sort, page) goes through one transition, so the results
// can say they are updating while the old ones stay on screen, and nothing reloads the page.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, use, useCallback, useMemo, useTransition, type ComponentProps, type MouseEvent, type ReactNode } from "react";

type NavigateOptions = {
  /** Replace the history entry instead of adding one (a text field still being typed in). */
  replace?: boolean;
  /** Scroll to the top of the page (a new page of results); filters keep the position. */
  scroll?: boolean;
  /** Runs inside the transition, for optimistic state that should last until the results arrive. */
  during?: () => void;
};

type SearchNavigation = { isPending: boolean; navigate: (href: string, options?: NavigateOptions) => void };

const SearchNavigationContext = createContext<SearchNavigation | null>(null);

export function SearchNavigationProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const navigate = useCallback(
    (href: string, { replace = false, scroll = false, during }: NavigateOptions = {}) => {
      startTransition(() => {
        during?.();
        if (replace) router.replace(href, { scroll });
        else router.push(href, { scroll });
      });
    },
    [router],
  );
  const value = useMemo(() => ({ isPending, navigate }), [isPending, navigate]);
  return <SearchNavigationContext value={value}>{children}</SearchNavigationContext>;
}

export function useSearchNavigation(): SearchNavigation {
  const context = use(SearchNavigationContext);
  if (!context) throw new Error("useSearchNavigation needs a SearchNavigationProvider around it.");
  return context;
}

/** A real link (copy, open in a new tab) whose plain click runs inside the search's transition. */
export function SearchLink({ href, scroll = false, onClick, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const { navigate } = useSearchNavigation();
  function click(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href, { scroll: Boolean(scroll) });
  }
  return <Link href={href} scroll={scroll} onClick={click} {...props} />;
}
