import type { ComponentChildren } from 'preact';
import { navigate } from '../app/router.js';

interface LinkProps {
  href: string;
  children: ComponentChildren;
  class?: string;
  title?: string;
  'aria-current'?: 'page' | undefined;
}

/** An in-app link: a real <a href> (open in new tab works), followed without a reload. */
export function Link(props: LinkProps) {
  return (
    <a
      {...props}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
