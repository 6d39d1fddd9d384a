cylinder(h=2, r1=1.5, r2=0.5, $fn=7);
