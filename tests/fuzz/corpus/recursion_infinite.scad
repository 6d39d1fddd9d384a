function f(n) = f(n + 1);
echo(f(0));
