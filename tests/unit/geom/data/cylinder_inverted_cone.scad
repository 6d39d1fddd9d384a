cylinder(h=2, r1=0, r2=1.5, $fn=11);
