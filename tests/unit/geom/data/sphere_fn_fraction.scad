sphere(r=2, $fn=4.7);
