import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n';

interface PageHeadingProps {
  children: ReactNode;
  /** The document title; by default the heading's text. */
  title?: string;
  /** 2 for a heading that appears within a page, e.g. a step's result. */
  level?: 1 | 2 | 3;
  id?: string;
}

/**
 * A heading that takes focus when it appears, so that after each navigation or change of step a
 * screen reader starts reading at the new heading. At level 1 it also names the document
 * (`title · DocPort`).
 */
export function PageHeading({ children, title, level = 1, id }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const documentTitle = title ?? (typeof children === 'string' ? children : undefined);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  useEffect(() => {
    if (level === 1 && documentTitle) {
      document.title = `${documentTitle} · ${t('app.titleSuffix')}`;
    }
  }, [documentTitle, level]);

  const Heading = level === 1 ? 'h1' : level === 2 ? 'h2' : 'h3';
  return (
    <Heading ref={ref} id={id} tabIndex={-1} className={level === 1 ? 'page-heading' : undefined}>
      {children}
    </Heading>
  );
}
