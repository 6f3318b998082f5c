import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Miner-written Markdown, rendered safely: raw HTML in the source is not rendered (no
 * rehype-raw), and react-markdown's URL filter drops javascript: and other unsafe links.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-substation space-y-3 text-sm leading-relaxed text-slate-700 [&_a]:text-sky-800 [&_a]:underline [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:text-base [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_strong]:text-slate-900 [&_table]:text-left [&_td]:pr-4 [&_th]:pr-4 [&_ul]:list-disc">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={{ a: ({ href, children }) => <a href={href} rel="nofollow noopener noreferrer" target="_blank">{children}</a>, img: () => null }}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
