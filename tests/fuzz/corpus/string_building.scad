s = [for (i = [0:200]) str("x", i)];
echo(len(str(s)));
