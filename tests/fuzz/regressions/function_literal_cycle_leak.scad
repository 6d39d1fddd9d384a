echo(let(a = 1, b = a + 1) [each [a, b], if (a > 0) "p" else "n"]);
f = function(x) x * 2;
echo(f(3));
