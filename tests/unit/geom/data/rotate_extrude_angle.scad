rotate_extrude(angle=90, $fn=8) translate([2,0]) square([1,1]);
