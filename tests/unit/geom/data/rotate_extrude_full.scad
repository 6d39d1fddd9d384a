rotate_extrude($fn=6) translate([2,0]) square([1,1]);
