cube([1,2,3], center=true); sphere(r=1, $fn=8); cylinder(h=2, r1=1, r2=0);
translate([1,0,0]) rotate(45) scale(2) color("red", 0.5) square(2);
