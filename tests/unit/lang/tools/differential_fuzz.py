# Differential fuzzing of the parser against openscad 2021.01: random
# statement/expression programs (valid and slightly broken), compared on
# acceptance, the .ast dump and the parser's messages.
#   python3 differential_fuzz.py SEED COUNT /tmp/mos_ast_dump
# (build the driver as described in mos_ast_dump.cpp). Mismatching inputs
# are left as mismatch_N.scad in /tmp/mos_lang_fuzz.
import random, subprocess, os, sys
random.seed(int(sys.argv[1])); n=int(sys.argv[2]); DUMP=os.path.abspath(sys.argv[3])
os.makedirs('/tmp/mos_lang_fuzz',exist_ok=True); os.chdir('/tmp/mos_lang_fuzz')
open('inc.scad','w').write('q = 1;\nmodule im() cube();\n')
E=['1','a','[1,2]','"s"','a+1','-1','[0:2]','true']
def inst(d):
    name=random.choice(['cube','translate','for','let','echo','assert','each','m','union','intersection_for','children'])
    args=random.choice(['','1','a = 1','[1,0,0]','i = [0:1]',', 1','1,,2'])
    mod=random.choice(['','','','!','#','%','*','!#','*%'])
    return mod+name+'('+args+')'+child(d+1)
def child(d):
    if d>3: return ';'
    r=random.random()
    if r<0.3: return ';'
    if r<0.6: return ' '+inst(d)
    if r<0.75: return ' '+ifelse(d)
    items=[]
    for _ in range(random.randint(0,3)):
        k=random.random()
        if k<0.25: items.append(random.choice(['x','y','$fn'])+' = '+random.choice(E)+';')
        elif k<0.3: items.append('{ '+inst(d+1)+' }')
        elif k<0.33: items.append(';')
        elif k<0.35: items.append('module z() {}')
        else: items.append(inst(d+1))
    return ' { '+' '.join(items)+' }'
def ifelse(d):
    s='if ('+random.choice(E)+')'+child(d+1)
    if random.random()<0.5: s+=' else'+child(d+1)
    return s
def stmt(d):
    r=random.random()
    if r<0.2: return random.choice(['x','y','z'])+' = '+random.choice(E)+';'+random.choice(['',' // [0:10]',' /* c */','\n// desc'])
    if r<0.3: return 'module m'+random.choice(['','2'])+'('+random.choice(['','a','a = 1, b',',a,'])+') '+random.choice(['{ '+stmt(d+1)+' }',stmt(d+1),';','cube();'])
    if r<0.4: return 'function f('+random.choice(['','x','x = 1'])+') = '+random.choice(E)+';'
    if r<0.45: return random.choice(['include <inc.scad>','use <inc.scad>','include <nope.scad>','use <nope.scad>'])
    if r<0.5: return '{ '+' '.join(stmt(d+1) for _ in range(random.randint(0,2)))+' }'
    if r<0.55: return random.choice([';','/* [G] */','// [x]','\n'])
    if r<0.7: return ifelse(d)
    return inst(d)
mism=0
for it in range(n):
    src='\n'.join(stmt(0) for _ in range(random.randint(1,6)))+random.choice(['\n','',' ','\n\n'])
    if random.random()<0.2:
        p=random.randrange(len(src)+1); src=src[:p]+random.choice(['{','}','(',')',';','else','=',' if ','"'])+src[p:]
    open('f.scad','w').write(src)
    for f in ('o.ast',):
        if os.path.exists(f): os.remove(f)
    a=subprocess.run(['timeout','20','openscad','-o','o.ast','f.scad'],capture_output=True)
    theirs_ok = os.path.exists('o.ast') and a.returncode==0
    theirs_ast = open('o.ast','rb').read() if theirs_ok else b''
    theirs_msgs = [l for l in (a.stderr).decode('latin-1').splitlines() if 'Parser error' in l or "Can't open" in l or 'was assigned' in l]
    m=subprocess.run([DUMP,'f.scad'],capture_output=True)
    mine_ok = m.returncode==0
    mine_msgs=[l for l in m.stderr.decode('latin-1').splitlines() if 'Parser error' in l or "Can't open" in l or 'was assigned' in l]
    bad = (theirs_ok!=mine_ok) or (theirs_ok and theirs_ast!=m.stdout) or (theirs_msgs!=mine_msgs)
    if bad:
        mism+=1
        open('mismatch_%d.scad'%it,'w').write(src)
        print('MISMATCH', it, theirs_ok, mine_ok, theirs_msgs[:3], mine_msgs[:3])
print('done', n, 'mismatches', mism)
