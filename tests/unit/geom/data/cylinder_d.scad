cylinder(h=1, d1=4, d2=2, $fn=9);
