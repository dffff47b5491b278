const fs=require('fs');const f=fs.readdirSync('prof').map(f=>[f,fs.statSync('prof/'+f).size]).sort((a,b)=>b[1]-a[1])[0][0];const p=JSON.parse(fs.readFileSync('prof/'+f));
const self=new Map();
const dt={};p.samples.forEach((s,i)=>{dt[s]=(dt[s]||0)+(p.timeDeltas[i]||0)});
for(const n of p.nodes){const k=n.callFrame.functionName+' '+n.callFrame.url.split('/').slice(-2).join('/')+':'+n.callFrame.lineNumber;self.set(k,(self.get(k)||0)+(dt[n.id]||0));}
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,+process.argv[2]||30).map(([k,v])=>(v/1000).toFixed(0)+'ms '+k).join('\n'))
