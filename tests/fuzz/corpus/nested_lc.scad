v = [for (i = [0:20]) [for (j = [0:20]) [i, j]]];
echo(concat(v, v)[5][5]);
