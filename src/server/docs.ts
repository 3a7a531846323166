/** A readable, dependency-free page of the OpenAPI document: every route, who may call it, its parameters and bodies. */

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export function docsPage(doc: { info: { title: string; description?: string }; paths?: object }): string {
  const ops = Object.entries((doc.paths ?? {}) as Record<string, Record<string, Operation>>).flatMap(
    ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const body = ops
    .map(({ path, method, op }) => {
      const params = (op.parameters ?? [])
        .map((p) => `<li><code>${esc(p.name)}</code> (${p.in}${p.required ? ', required' : ''})</li>`)
        .join('');
      const req = op.requestBody
        ? Object.entries(op.requestBody.content)
            .map(
              ([type, c]) =>
                `<details><summary>request ${esc(type)}</summary><pre>${esc(JSON.stringify(c.schema, null, 2))}</pre></details>`,
            )
            .join('')
        : '';
      const res = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><b>${status}</b> ${esc(r.description ?? '')}</li>`)
        .join('');
      return `<section><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3><p>${esc(op.summary ?? '')}${op.security ? ' — <i>signed in</i>' : ''}</p>${params ? `<ul>${params}</ul>` : ''}${req}<ul>${res}</ul></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} — API</title><style>
body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1d2a24}
section{border-top:1px solid #d8e0dc;padding:.4rem 0}h3{margin:.4rem 0;font-size:1rem}.m{display:inline-block;min-width:4.2em;font-size:.8rem;padding:.1rem .4rem;border-radius:4px;color:#fff;background:#3d7a5e}
.m.post{background:#2f5fa8}.m.put{background:#a8742f}.m.delete{background:#a83a2f}pre{background:#f4f7f5;padding:.6rem;overflow:auto;font-size:.8rem}</style></head>
<body><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description ?? '')}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Sign in with <code>POST /api/auth/login</code> and send <code>Authorization: Bearer &lt;token&gt;</code>.</p>${body}</body></html>`;
}
