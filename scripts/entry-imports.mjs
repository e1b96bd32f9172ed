// Rewrites every import that reaches into another domain's files (server/<domain>/<file>) to go through
// that domain's entry, and adds what it imports to the entry: server/<domain>/index.ts for server code
// and tests, server/<domain>/browser.ts for code that also runs in the browser (app/ outside *.server.*
// files, and the pure, browser-safe files of server/). docs/decisions/050-domains-behind-entry-files.md.
//
//   node scripts/entry-imports.mjs          rewrite and update the entries
//   node scripts/entry-imports.mjs --check  only list what it would change (exit 1 if anything)
//
// What it cannot do on its own it prints and leaves alone: a default or namespace import of a domain's
// internal file, `export *` from one, a browser-side file importing a *.server.* file of another domain.
// `npm run lint:deps` is the rule; this is the tool that makes following it cheap.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const CHECK = process.argv.includes("--check");
const ROOTS = ["app", "server", "emails", "test", "bench", "scripts", "e2e", "vocabulary"];
const SOURCE = /\.(ts|tsx)$/;
const EXTS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!["node_modules", "migrations", "build"].includes(e.name)) walk(p);
    } else if (SOURCE.test(e.name) && !e.name.endsWith(".d.ts")) files.push(p);
  }
};
for (const r of ROOTS) if (fs.existsSync(r)) walk(r);

const isFile = (p) => fs.existsSync(p) && fs.statSync(p).isFile();
function resolveSpec(fromFile, spec) {
  const base = path.normalize(path.join(path.dirname(fromFile), spec));
  for (const e of EXTS) if (isFile(base + e)) return base + e;
  return null;
}

/** "server/<domain>" for a file inside a domain folder, else null (composition root, app/, test/, ...). */
function domainOf(file) {
  const m = /^server\/([^/]+)\//.exec(file);
  return m ? `server/${m[1]}` : null;
}
const isEntry = (file) => /^server\/[^/]+\/(index|browser)\.tsx?$/.test(file);
const isServerFile = (file) => /\.server\.tsx?$/.test(file) || /(^|\/)[^/]*\.server\//.test(file);
const isTest = (file) => /\.test\.tsx?$/.test(file) || /^test\//.test(file) || /test-harness\.tsx?$/.test(file);
/** Code that may end up in the browser bundle: app/ outside *.server.* and app/server/, pure files of domains. */
function runsInBrowser(file) {
  if (isServerFile(file) || isTest(file)) return false;
  if (file.startsWith("app/")) return !file.startsWith("app/server/");
  if (file.startsWith("emails/") || file.startsWith("vocabulary/")) return true;
  return domainOf(file) !== null;
}

const parsed = new Map();
function parse(file) {
  if (!parsed.has(file)) {
    const text = fs.readFileSync(file, "utf8");
    parsed.set(file, { text, sf: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS) });
  }
  return parsed.get(file);
}

/** Whether `name` exported by `file` is only a type (follows `export ... from`). */
function isTypeExport(file, name, seen = new Set()) {
  if (seen.has(file + "#" + name)) return false;
  seen.add(file + "#" + name);
  const { sf } = parse(file);
  for (const st of sf.statements) {
    const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && (ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name.text === name) return true;
    if (exported && (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name?.text === name) return false;
    if (exported && ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)) return false;
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        if (el.name.text !== name) continue;
        if (st.isTypeOnly || el.isTypeOnly) return true;
        const orig = (el.propertyName ?? el.name).text;
        if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
          const target = resolveSpec(file, st.moduleSpecifier.text);
          return target ? isTypeExport(target, orig, seen) : false;
        }
        // `export { x }` of a local: a type if declared as one here.
        return sf.statements.some((s) => (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) && s.name.text === orig);
      }
    }
  }
  return false;
}

/** Names an entry file already exports (named exports and `export *` of browser.ts). */
function entryExports(file) {
  const names = new Set();
  if (!isFile(file)) return names;
  const { sf } = parse(file);
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st)) {
      if (st.exportClause && ts.isNamedExports(st.exportClause)) for (const el of st.exportClause.elements) names.add(el.name.text);
      else if (!st.exportClause && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
        const target = resolveSpec(file, st.moduleSpecifier.text);
        if (target) for (const n of entryExports(target)) names.add(n);
      }
      continue;
    }
    const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    } else if (st.name && ts.isIdentifier(st.name)) names.add(st.name.text);
  }
  return names;
}

// additions[domain][kind] = Map(internalFile -> Map(name -> isType))
const additions = new Map();
const add = (domain, kind, file, name, type) => {
  if (!additions.has(domain)) additions.set(domain, { index: new Map(), browser: new Map() });
  const byFile = additions.get(domain)[kind];
  if (!byFile.has(file)) byFile.set(file, new Map());
  byFile.get(file).set(name, type);
};
const problems = [];
const edits = new Map(); // file -> [{start, end, text}]
const edit = (file, start, end, text) => {
  if (!edits.has(file)) edits.set(file, []);
  edits.get(file).push({ start, end, text });
};

function relSpec(fromFile, target) {
  let r = path.relative(path.dirname(fromFile), target);
  if (!r.startsWith(".")) r = "./" + r;
  return r;
}

for (const file of files) {
  const { sf } = parse(file);
  const groups = new Map(); // newSpec + kindOfDecl -> [{node, elements}]
  for (const st of sf.statements) {
    const isImport = ts.isImportDeclaration(st);
    const isExportFrom = ts.isExportDeclaration(st) && st.moduleSpecifier;
    if (!isImport && !isExportFrom) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith(".")) continue;
    const target = resolveSpec(file, spec);
    if (!target) continue;
    const domain = domainOf(target);
    if (!domain || domain === domainOf(file) || isEntry(target)) continue;
    const kind = runsInBrowser(file) && !isServerFile(target) ? "browser" : "index";
    if (file.startsWith("app/") && runsInBrowser(file) && isServerFile(target) && !(isImport && st.importClause?.isTypeOnly)) {
      problems.push(`${file}: runs in the browser but imports ${target} (go through app/server/<domain>.server.ts)`);
      continue;
    }
    const where = `${file}: ${st.getText(sf).split("\n")[0]}`;
    let elements = [];
    let declTypeOnly = false;
    if (isImport) {
      const clause = st.importClause;
      if (!clause) { problems.push(`${where} (side-effect import)`); continue; }
      if (clause.name) { problems.push(`${where} (default import)`); continue; }
      if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) { problems.push(`${where} (namespace import)`); continue; }
      declTypeOnly = clause.isTypeOnly;
      elements = clause.namedBindings ? [...clause.namedBindings.elements] : [];
    } else {
      if (!st.exportClause || !ts.isNamedExports(st.exportClause)) { problems.push(`${where} (export *)`); continue; }
      declTypeOnly = st.isTypeOnly;
      elements = [...st.exportClause.elements];
    }
    for (const el of elements) {
      const orig = (el.propertyName ?? el.name).text;
      add(domain, kind, target, orig, isTypeExport(target, orig));
    }
    const entryPath = kind === "index" ? domain : `${domain}/browser`;
    const newSpec = relSpec(file, entryPath);
    const key = `${isImport ? "import" : "export"}|${declTypeOnly}|${newSpec}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ node: st, elements, declTypeOnly, newSpec, isImport });
  }
  // Existing declarations already importing the entry join the group of the same kind.
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause || st.importClause.name) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith(".")) continue;
    const target = resolveSpec(file, spec);
    if (!target || !isEntry(target) || domainOf(target) === domainOf(file)) continue;
    const nb = st.importClause.namedBindings;
    if (!nb || !ts.isNamedImports(nb)) continue;
    const key = `import|${st.importClause.isTypeOnly}|${spec}`;
    if (groups.has(key)) groups.get(key).unshift({ node: st, elements: [...nb.elements], declTypeOnly: st.importClause.isTypeOnly, newSpec: spec, isImport: true, existing: true });
  }
  for (const list of groups.values()) {
    if (list.every((g) => g.existing)) continue;
    const seen = new Set();
    const parts = [];
    for (const g of list) for (const el of g.elements) {
      const t = el.getText(sf);
      if (!seen.has(t)) { seen.add(t); parts.push(t); }
    }
    const first = list[0];
    const kw = first.isImport ? "import" : "export";
    const head = `${kw} ${first.declTypeOnly ? "type " : ""}`;
    const oneLine = `${head}{ ${parts.join(", ")} } from "${first.newSpec}";`;
    const text = oneLine.length <= 110 ? oneLine : `${head}{\n${parts.map((p) => `  ${p},\n`).join("")}} from "${first.newSpec}";`;
    edit(file, first.node.getStart(sf), first.node.end, text);
    for (const g of list.slice(1)) {
      let end = g.node.end;
      const full = parse(file).text;
      if (full[end] === "\n") end += 1;
      edit(file, g.node.getStart(sf), end, "");
    }
  }
}

let changed = 0;
for (const [file, list] of edits) {
  let text = parse(file).text;
  for (const e of list.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  if (text !== parse(file).text) {
    changed++;
    if (CHECK) console.log(`would rewrite imports in ${file}`);
    else fs.writeFileSync(file, text);
  }
}

const HEADER = {
  index: (d) =>
    `// The public entry of ${d}: what other domains, the composition root (server/*.ts),\n` +
    `// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).\n`,
  browser: (d) =>
    `// The browser-safe entry of ${d}: schemas, types and constants that app/ uses in the browser.\n` +
    `// It and everything it imports stay free of *.server.* files and Node built-ins (npm run lint:deps).\n`,
};
for (const [domain, kinds] of [...additions].sort()) {
  for (const kind of ["browser", "index"]) {
    const entry = `${domain}/${kind}.ts`;
    const byFile = kinds[kind];
    const have = entryExports(entry);
    if (kind === "index" && isFile(`${domain}/browser.ts`)) for (const n of entryExports(`${domain}/browser.ts`)) have.add(n);
    if (kind === "index") for (const m of kinds.browser.values()) for (const n of m.keys()) have.add(n);
    const lines = [];
    for (const [file, names] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
      const missing = [...names].filter(([n]) => !have.has(n)).sort(([a], [b]) => a.localeCompare(b));
      if (!missing.length) continue;
      for (const [n] of missing) have.add(n); // one name, one source (vnpay/index re-exports vnpay/protocol)
      const spec = relSpec(entry, file.replace(SOURCE, "")).replace(/\/index$/, "");
      const list = missing.map(([n, t]) => (t ? `type ${n}` : n));
      const oneLine = `export { ${list.join(", ")} } from "${spec}";`;
      lines.push(oneLine.length <= 110 ? oneLine : `export {\n${list.map((n) => `  ${n},\n`).join("")}} from "${spec}";`);
    }
    const needsStar = kind === "index" && (kinds.browser.size > 0 || isFile(`${domain}/browser.ts`));
    if (!lines.length && !isFile(entry) && !needsStar) continue;
    let text = isFile(entry) ? fs.readFileSync(entry, "utf8") : HEADER[kind](domain);
    if (needsStar && !/export \* from "\.\/browser"/.test(text)) text += `export * from "./browser";\n`;
    if (!lines.length && isFile(entry) && text === fs.readFileSync(entry, "utf8")) continue;
    text = text.replace(/\n*$/, "\n") + lines.map((l) => l + "\n").join("");
    changed++;
    if (CHECK) console.log(`would add to ${entry}: ${lines.length} line(s)`);
    else fs.writeFileSync(entry, text);
  }
}

for (const p of problems) console.log(`left alone: ${p}`);
if (CHECK && changed) process.exit(1);
