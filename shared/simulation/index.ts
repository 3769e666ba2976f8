export * from './simulate';
export * from './summary';
