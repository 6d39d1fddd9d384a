function f(n) = n <= 0 ? 0 : n + f(n - 1);
echo(f(100));
