linear_extrude(height=3, scale=0.5) square(2, center=true);
