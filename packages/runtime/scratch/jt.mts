import { compileJsonata } from '../src/jsonata-evaluator.ts';
for (const e of ['($f := function($x){$f($x)}; $f(1))', '[1..100000000]', '$count([1..9000000])', '($x := 0; $f := function($n){ $n > 0 ? $f($n-1) : 0 }; $f(400))', 'a.b']) {
  const t = Date.now();
  try { const r = await compileJsonata(e, { timeoutMs: 1000, maxDepth: 500 })({a:{b:1}}); console.log(e, '=>', r, Date.now()-t); }
  catch (err) { console.log(e, 'ERR', (err as Error).message, Date.now()-t); }
}
