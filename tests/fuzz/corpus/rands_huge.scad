echo(rands(0, 1, 1e9));
