// Big list comprehensions: nested for, if/else, let, each, C-style for.
n = 420;
grid = [for (i = [0:n - 1]) [for (j = [0:n - 1]) (i * j) % 7]];
flat = [for (row = grid) each row];
evens = [for (v = flat) if (v % 2 == 0) v else -v];
lets = [for (i = [0:len(flat) - 1]) let (a = flat[i], b = a * a) a + b];
cfor = [for (i = 0, s = 0; i < 20000; s = s + i, i = i + 1) s];
echo(len(flat), len(evens), lets[len(lets) - 1], cfor[len(cfor) - 1]);
echo(max(lets), min(evens), len([for (r = grid) for (v = r) if (v > 3) v]));
