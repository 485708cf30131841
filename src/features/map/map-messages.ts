import { defineMessages } from '../../domain/lang';

export const mapMessages = defineMessages(
  {
    map: 'map',
    mapTitle: 'Map',
    marker: (label: string, isOrganisation: boolean) => (isOrganisation ? `${label} (international organisation)` : label),
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    wholeWorld: 'Show the whole world',
  },
  {
    map: '地图',
    mapTitle: '地图',
    marker: (label: string, isOrganisation: boolean) => (isOrganisation ? `${label}（国际组织）` : label),
    zoomIn: '放大',
    zoomOut: '缩小',
    wholeWorld: '显示全球',
  },
);
