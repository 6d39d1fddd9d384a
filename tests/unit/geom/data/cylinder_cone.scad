cylinder(h=3, r1=2, r2=0, $fn=5, center=true);
