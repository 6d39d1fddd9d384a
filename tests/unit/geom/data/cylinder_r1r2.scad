cylinder(h=2, r1=1, r2=3);
