linear_extrude(height=5, twist=200, scale=0.6, slices=7) translate([1,0]) circle(1,$fn=6);
