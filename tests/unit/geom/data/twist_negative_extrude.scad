linear_extrude(height=5, twist=-120, slices=4, center=true) translate([1,0]) square([2,1]);
