m(4) { x = 1; }
m() {}
m() { cube(); }
m() { *cube(); sphere(); }
m() ;
if (1) {} else {}
if (1) { x = 2; }
a = assert(true);
b = echo(1);
e = [for () 1];
f = let() 1;
g = -(-1);
h = -(1+2);
i = !!a;
j = (1);
k = [[1]];
l = a[0][1];
m2 = 2^-1^2;
n = "\x01\u0410";
o = f(a=1, 2);
p = "a\\b";
q = [1:-1:-3];
r = -[1,2][0];
module mm() ;
module mm2() x = 1;
module mm3() { }
function ff() = [each (1)];
s = [if (a) 1];
t = $fn + $children;
u = 1.5.x;
v = (function(x) x)(1);
w = a.b.c;
