sphere(1, $fn=7);
