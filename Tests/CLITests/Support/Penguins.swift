/// A penguins-like table for the column options: an `id` to ignore, the label `species`, text
/// columns `island` and `sex`, four measurements, and missing cells (`NA`, `NaN`, empty) — ten of
/// them: row P004 has no measurement and no sex, P011 no sex, P021 no bill depth, P026 no body
/// mass, P034 no sex, P038 no bill length.
enum Penguins {
    static let csv = """
        id,species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex
        P001,Adelie,Torgersen,38.1,18.9,189,3550,male
        P002,Adelie,Biscoe,36.3,18.0,197,3900,female
        P003,Adelie,Dream,41.6,18.6,193,3775,male
        P004,Adelie,Torgersen,NA,NA,NA,NA,NA
        P005,Adelie,Biscoe,34.2,16.2,184,3500,male
        P006,Adelie,Dream,39.6,18.2,193,3400,female
        P007,Adelie,Torgersen,39.6,18.8,186,4475,male
        P008,Adelie,Biscoe,40.3,19.7,186,3375,female
        P009,Adelie,Dream,37.9,18.2,194,3800,male
        P010,Adelie,Torgersen,37.6,17.2,187,4250,female
        P011,Adelie,Biscoe,36.6,18.6,193,3025,
        P012,Adelie,Dream,38.9,19.9,177,3550,female
        P013,Adelie,Torgersen,38.5,17.3,193,3675,male
        P014,Adelie,Biscoe,34.8,19.3,194,4125,female
        P015,Adelie,Dream,42.7,18.7,191,3125,male
        P016,Adelie,Torgersen,40.5,17.6,187,3125,female
        P017,Chinstrap,Dream,45.6,17.8,205,2950,male
        P018,Chinstrap,Dream,44.0,18.7,206,3950,female
        P019,Chinstrap,Dream,42.5,15.6,199,3450,male
        P020,Chinstrap,Dream,45.1,19.5,204,3800,female
        P021,Chinstrap,Dream,49.6,,207,3975,male
        P022,Chinstrap,Dream,50.5,19.0,185,4225,female
        P023,Chinstrap,Dream,52.0,19.0,182,3500,male
        P024,Chinstrap,Dream,51.6,16.4,195,4125,female
        P025,Chinstrap,Dream,44.5,20.2,200,3675,male
        P026,Chinstrap,Dream,49.9,19.1,197,NaN,female
        P027,Chinstrap,Dream,46.6,17.9,203,3750,male
        P028,Chinstrap,Dream,45.9,19.4,206,3550,female
        P029,Gentoo,Biscoe,43.2,14.9,216,4925,male
        P030,Gentoo,Biscoe,51.9,14.0,225,4450,female
        P031,Gentoo,Biscoe,45.1,15.6,224,5500,male
        P032,Gentoo,Biscoe,48.6,15.1,218,5375,female
        P033,Gentoo,Biscoe,47.0,15.3,221,5075,male
        P034,Gentoo,Biscoe,49.9,15.6,230,5250,NA
        P035,Gentoo,Biscoe,46.2,14.6,217,5550,male
        P036,Gentoo,Biscoe,46.5,15.4,229,3800,female
        P037,Gentoo,Biscoe,44.0,15.2,220,5200,male
        P038,Gentoo,Biscoe,,15.7,219,4825,female
        P039,Gentoo,Biscoe,55.0,15.4,213,5025,male
        P040,Gentoo,Biscoe,46.8,14.9,199,4825,female
        P041,Gentoo,Biscoe,50.6,13.8,217,5550,male
        P042,Gentoo,Biscoe,50.2,16.5,206,4900,female
        """

    /// The options that read `csv` as a raw table and impute by the median.
    static let options = "--label-column species --ignore id --categorical auto --impute median"
}
