use <MCAD/units.scad>
// [0:10]
a = 5; // slider
/* [Group] */
b = "x"; // comment
c = [1, 2];
d = -3;
e = [0:1:5];
v = [a, 1];
f = 1e20 + 1.5e-7 + 123456789 + 0.1 + 1/3;
function g(x, y = 2) = x + y * 2 ^ 3 ^ 2 - -1;
module m(p, q = [1, 2]) {
  w = 3;
  function h() = 1;
  module inner() cube();
  cube(p);
  %translate([1, 0, 0]) { sphere(); cylinder(); }
  if (p) cube(); else if (q) sphere(); else { cube(); sphere(); }
}
!m(1);
#m(2);
*m(3);
m(4) { x = 1; cube(x); }
for (i = [0:2], j = [1, 2]) m(i);
echo(a = a, "s") echo() let(z = 1) assert(true) each(1) cube();
x = [for (i = [0:2]) if (i % 2 == 0) i else let(t = i) -t, each [1, 2]];
y = [let(u = 1) for (i = [0:2]) u, [let(u = 2) u]];
z = function(x) let(a = x) assert(a, "m") echo("e") a;
k = c[0].x + f(1)(2)[3];
l = !a || b && c == d != e < f <= g > h >= i + j - k * l / m % n;
n = (a ? b : c) ? 1 : 2;
o = "é\t\"\\\n\r";
p = [];
q = [,];
r = true; s = undef;
t = 0.000001; u = 1000000; u2 = 12345678.9; u3 = -0;
